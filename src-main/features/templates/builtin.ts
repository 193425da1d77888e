import riskAssessment from '../../../resources/templates/risk-assessment.json' with { type: 'json' };
import checklistIntake from '../../../resources/templates/checklist-intake.json' with { type: 'json' };
import checklistIslandsmodellen from '../../../resources/templates/checklist-islandsmodellen.json' with { type: 'json' };
import checklistPlacement from '../../../resources/templates/checklist-placement.json' with { type: 'json' };
import checklistProtectedIdentity from '../../../resources/templates/checklist-protected-identity.json' with { type: 'json' };
import safetyPlan from '../../../resources/templates/safety-plan.json' with { type: 'json' };
import { parseTemplate, type Template } from '../../domain/templates.js';

/**
 * The templates Fristad ships (`resources/templates/`), bundled into the
 * main process and checked against the template schema when first loaded.
 * A shipped template is never changed in place: a change gets a new version
 * number, because filled forms point at (id, version).
 */
const FILES: Readonly<Record<string, unknown>> = {
  'risk-assessment.json': riskAssessment,
  'checklist-intake.json': checklistIntake,
  'checklist-islandsmodellen.json': checklistIslandsmodellen,
  'checklist-placement.json': checklistPlacement,
  'checklist-protected-identity.json': checklistProtectedIdentity,
  'safety-plan.json': safetyPlan,
};

let loaded: readonly Template[] | null = null;

/** Every shipped template, validated; a broken file stops with its name and the problems found. */
export function builtinTemplates(): readonly Template[] {
  if (loaded) return loaded;
  loaded = Object.freeze(
    Object.entries(FILES).map(([file, json]) => {
      const r = parseTemplate(json);
      if (!r.ok) throw new Error(`resources/templates/${file}: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      return r.template;
    }),
  );
  return loaded;
}
