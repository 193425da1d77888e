import { useTranslation } from 'react-i18next';
import { passphraseStrength } from './passphrase-strength';

/** The live hint under a new passphrase field: a three-step bar and a sentence. */
export function PassphraseStrengthHint({ id, passphrase }: { id: string; passphrase: string }) {
  const { t } = useTranslation();
  const strength = passphraseStrength(passphrase);
  const steps = { empty: 0, too_short: 1, acceptable: 2, strong: 3 }[strength];
  return (
    <div className={`strength strength-${strength}`}>
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3].map((n) => (
          <span key={n} className={n <= steps ? 'strength-step strength-step-on' : 'strength-step'} />
        ))}
      </div>
      <p id={id} className="strength-text" aria-live="polite">
        {t(`strength.${strength}`, { count: passphrase.length })}
      </p>
    </div>
  );
}
