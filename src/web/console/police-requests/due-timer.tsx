import './police-requests.css';
import { timeLeft, formatTime } from './labels.js';
import type { PoliceRequest } from '../types.js';

/**
 * The request's deadline with its state in words (never by colour alone): the timer the exchange
 * is held to, shown to the officer as to the responder.
 */
export function DueTimer({ request }: { request: Pick<PoliceRequest, 'dueAt' | 'timer'> }) {
  if (request.timer === null) return <span>{formatTime(request.dueAt)}</span>;
  const word = request.timer === 'overdue' ? 'Overdue' : request.timer === 'due_soon' ? 'Due soon' : 'Due';
  return (
    <span className={`timer timer-${request.timer}`}>
      <strong>{word}</strong> · {formatTime(request.dueAt)}{' '}
      <span className="timer-left">({timeLeft(request.dueAt)})</span>
    </span>
  );
}
