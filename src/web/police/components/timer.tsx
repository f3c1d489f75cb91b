export { DueTimer } from '../../console/police-requests/due-timer.js';
