// The words of the copydesk API, as its JSON says them.

export type Language = 'en' | 'fr';

export const roles = ['owner', 'admin', 'editor', 'contributor', 'reviewer', 'guest'] as const;
export type Role = (typeof roles)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  language: Language;
}

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  language: Language;
}

export interface Membership {
  workspace: Workspace;
  role: Role;
}

/** GET /api/v1/me */
export interface Me {
  user: User;
  memberships: Membership[];
  csrf_token: string;
}

/** GET /api/v1/setup */
export interface SetupStatus {
  needed: boolean;
}

/** POST /api/v1/setup */
export interface SetupRequest {
  email: string;
  name: string;
  password: string;
  workspace_name: string;
  language: Language;
}

export interface SetupResponse {
  user: User;
  workspace: Workspace;
  csrf_token: string;
}

/** POST /api/v1/auth/login */
export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  user: User;
  csrf_token: string;
}

/** PATCH /api/v1/me */
export interface MeUpdate {
  name?: string;
  language?: Language;
}

/** One entry of a problem's `errors`: which input field is wrong and why. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An `application/problem+json` body (RFC 9457) as copydesk sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors: FieldProblem[];
}
