// The same words for types, statuses and deadlines in the portal and in the console.
export * from '../console/police-requests/labels.js';
