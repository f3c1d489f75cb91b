import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no portal page at this address. <Link to="/requests">Go to your agency’s requests</Link>.
      </p>
    </>
  );
}
