import { useState } from 'react';

const INTERVAL_KEY = 'amplify-job-watch.interval-seconds';

/** The interval chosen for this tab (it overrides the config until the tab is closed). */
export function useTabInterval(configSeconds: number): [number, (seconds: number) => void] {
  const [seconds, setSeconds] = useState(() => {
    try {
      const stored = Number(window.sessionStorage.getItem(INTERVAL_KEY));
      return stored >= 1 && stored <= 300 ? stored : configSeconds;
    } catch {
      return configSeconds;
    }
  });
  const choose = (next: number) => {
    setSeconds(next);
    try {
      window.sessionStorage.setItem(INTERVAL_KEY, String(next));
    } catch {
      // Storage unavailable: the choice lasts as long as this page.
    }
  };
  return [seconds, choose];
}
