import { createContext, use } from 'react';

/** Set when the spec is shown but may not be changed (analysts, published versions, retired campaigns). */
export const ReadOnlyContext = createContext(false);

export const useReadOnly = () => use(ReadOnlyContext);
