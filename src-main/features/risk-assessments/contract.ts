import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema } from '../../api/schemas.js';
import { RISK_LEVELS, type RiskLevel, type RiskTemplate } from '../../domain/templates.js';
import type { Answers, ScoreResult } from '../../domain/risk-scoring.js';
import { freeText, optionalText } from '../templates/fields.js';
import { templateRefSchema } from '../templates/contract.js';

const answerSchema = z
  .object({
    value: z.union([z.enum(['yes', 'no', 'unknown']), z.number().int().min(0).max(10), freeText(4000, 'Skriv ett svar.')], { error: 'Ogiltigt svar.' }),
    comment: optionalText(2000),
  })
  .strict();

export const answersSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'Okänd fråga.' }), answerSchema, { error: 'Ogiltiga svar.' }).refine((r) => Object.keys(r).length <= 300, { error: 'För många svar.' });

export const riskLevelSchema = z.enum(RISK_LEVELS, { error: 'Välj en risknivå.' });

export const riskAssessmentCreateSchema = z
  .object({
    caseId: idSchema,
    personId: idSchema,
    template: templateRefSchema,
    assessedOn: isoDateSchema,
    answers: answersSchema,
    level: riskLevelSchema,
    levelReason: optionalText(4000),
    judgement: freeText(8000, 'Skriv din samlade bedömning.'),
    internalNote: optionalText(4000),
    /** Empty: the template's default from the level. */
    nextAssessmentOn: isoDateSchema.nullable().optional(),
  })
  .strict();

export const riskScoreSchema = z.object({ template: templateRefSchema, answers: answersSchema }).strict();

/** One assessment in a person's history. */
export interface RiskAssessmentSummary {
  id: string;
  caseId: string;
  caseNumber: string;
  personId: string;
  assessedOn: string;
  worker: { id: string; name: string };
  template: { id: string; version: number; title: string };
  score: number;
  maxScore: number;
  unanswered: number;
  suggestedLevel: RiskLevel;
  level: RiskLevel;
  nextAssessmentOn: string;
}

/** One assessment with its answers and the template version it was filled with. */
export interface RiskAssessmentDetail extends RiskAssessmentSummary {
  answers: Answers;
  levelReason: string | null;
  judgement: string;
  internalNote: string | null;
  templateBody: RiskTemplate;
  result: ScoreResult;
  createdAt: string;
}

export interface RiskHistory {
  personId: string;
  /** Oldest first. */
  assessments: RiskAssessmentSummary[];
  trend: 'rising' | 'falling' | 'steady' | 'single' | 'none';
  /** The latest assessment's next date, and whether it is today or past. */
  next: { on: string; due: boolean } | null;
}

export const riskAssessmentsContract = {
  'riskAssessments.history': channel(z.object({ personId: idSchema }).strict()).returns<RiskHistory>(),
  'riskAssessments.get': channel(z.object({ id: idSchema }).strict()).returns<RiskAssessmentDetail>(),
  'riskAssessments.score': channel(riskScoreSchema).returns<ScoreResult>(),
  'riskAssessments.create': channel(riskAssessmentCreateSchema).returns<RiskAssessmentDetail>(),
} as const;
