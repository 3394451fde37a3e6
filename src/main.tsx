import { start } from './app/start';
import './app/styles.css';
// The job page's and the header's own styles are on the first load: the first status is drawn in their
// markup before the app loads.
import './features/job/jobPage.css';
import './shared/ui/timeZoneSwitch.css';

void start(document.getElementById('root') as HTMLElement, () => import('./app/boot'));
