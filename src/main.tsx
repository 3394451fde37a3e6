import { start } from './app/start';
import './app/styles.css';
// The job page's, the board's and the header's own styles are on the first load: a job's first status and
// a board's first rows are drawn in their markup before the app loads.
import './features/board/board.css';
import './features/job/jobPage.css';
import './shared/ui/estimate.css';
import './shared/ui/timeZoneSwitch.css';

void start(document.getElementById('root') as HTMLElement, () => import('./app/boot'));
