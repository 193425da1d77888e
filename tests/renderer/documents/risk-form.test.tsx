import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import riskJson from '../../../resources/templates/risk-assessment.json';
import { RiskAssessmentsPanel } from '../../../src-renderer/features/risk-assessments/RiskAssessmentsPanel';
import { scoreAssessment } from '../../../src-main/domain/risk-scoring';
import type { RiskTemplate } from '../../../src-main/domain/templates';
import type { RiskHistory } from '../../../src-main/features/risk-assessments/contract';
import { installFakeBridge } from '../fake-bridge';
import { PERSON_ID, caseDetail } from '../fixtures';

const template = riskJson as unknown as RiskTemplate;
const empty: RiskHistory = { personId: PERSON_ID, assessments: [], trend: 'none', next: null };

describe('a new risk assessment', () => {
  it('shows the suggestion and the unanswered count; a different level needs a reason before anything is sent', async () => {
    // Given a case and the shipped template, scored as main would
    const bridge = installFakeBridge({
      'riskAssessments.history': () => empty,
      'templates.list': () => [{ id: template.id, version: template.version, kind: 'risk_assessment', title: template.title, source: 'builtin' }],
      'templates.get': () => template,
      'riskAssessments.score': (input) => scoreAssessment(template, input.answers),
      'riskAssessments.create': () => {
        throw new Error('not expected in this test');
      },
    });
    const detail = caseDetail({ mainPersonId: PERSON_ID });
    render(<RiskAssessmentsPanel detail={detail} readOnly={false} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ny riskbedömning' }));
    // When one critical question is answered yes
    await user.click(within(await screen.findByRole('group', { name: /hotat att döda/ })).getByLabelText('Ja'));
    // Then the suggestion is high and 17 of 18 questions are unanswered
    expect(await screen.findByText(/Poängen föreslår risknivå: Hög/)).toBeTruthy();
    expect(screen.getByText(/Besvarade 1 av 18 frågor\. Obesvarade: 17\./)).toBeTruthy();
    // When the worker picks "Låg" and saves without a reason
    await user.click(within(screen.getByRole('group', { name: 'Din bedömning av risknivån' })).getByLabelText('Låg'));
    await user.type(screen.getByLabelText('Din samlade bedömning'), 'Bedömning');
    await user.click(screen.getByRole('button', { name: 'Spara riskbedömning' }));
    // Then the reason is asked for, and nothing is sent
    expect(await screen.findByText('Skriv varför du väljer en annan nivå än den föreslagna.')).toBeTruthy();
    expect(bridge.callsTo('riskAssessments.create')).toEqual([]);
  });

  it('warns when the next assessment is due', async () => {
    installFakeBridge({
      'riskAssessments.history': () => ({
        personId: PERSON_ID,
        assessments: [
          { id: 'a', caseId: 'c', caseNumber: '2026-0001', personId: PERSON_ID, assessedOn: '2026-01-01', worker: { id: 'w', name: 'Karin Lund' }, template: { id: template.id, version: 1, title: template.title }, score: 4, maxScore: 44, unanswered: 10, suggestedLevel: 'high', level: 'high', nextAssessmentOn: '2026-01-15' },
        ],
        trend: 'single',
        next: { on: '2026-01-15', due: true },
      }),
    });
    render(<RiskAssessmentsPanel detail={caseDetail({ mainPersonId: PERSON_ID })} readOnly />);
    expect(await screen.findByText('Dags för ny riskbedömning: den skulle ha gjorts senast 2026-01-15.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ny riskbedömning' })).toBeNull();
  });
});
