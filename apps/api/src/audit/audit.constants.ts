export const AUDIT_KEY = Symbol('AUDIT_KEY');
