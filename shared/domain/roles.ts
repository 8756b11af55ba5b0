export const roles = ['officer', 'chief', 'admin'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { officer: 1, chief: 2, admin: 3 };

/** Roles rank officer < chief < admin: a chief may do what an officer may, and so on. */
export const roleAtLeast = (role: Role, needed: Role): boolean => rank[role] >= rank[needed];
