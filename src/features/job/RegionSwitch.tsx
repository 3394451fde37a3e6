import { useId, useState, type FormEvent } from 'react';
import { AMPLIFY_BACKEND_REGIONS } from '../../shared/config/regions';

export interface RegionSwitchProps {
  region: string;
  onChoose: (region: string) => void;
}

/** Looks for the same job in another region (the page reloads the job from there). */
export function RegionSwitch({ region, onChoose }: RegionSwitchProps) {
  const selectId = useId();
  const [chosen, setChosen] = useState(region);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChoose(chosen);
  };
  return (
    <form className="region-switch" onSubmit={submit}>
      <label htmlFor={selectId}>Region</label>{' '}
      <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {AMPLIFY_BACKEND_REGIONS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="button" disabled={chosen === region}>
        Open in this region
      </button>
    </form>
  );
}
