import type { Handlers } from '../../api/context.js';
import type { riskAssessmentsContract } from './contract.js';
import { createAssessment, getAssessment, personHistory, scoreAnswers } from './service.js';

export const riskAssessmentsHandlers: Handlers<typeof riskAssessmentsContract> = {
  'riskAssessments.history': (input, { session }) => personHistory(session, input.personId),
  'riskAssessments.get': (input, { session }) => getAssessment(session, input.id),
  'riskAssessments.score': (input, { session }) => scoreAnswers(session, input.template, input.answers),
  'riskAssessments.create': (input, { session }) => createAssessment(session, input),
};
