import { z } from 'zod';
import { roles, type Role } from '../domain/roles';
import { event } from './define';

export const badgeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{4,10}$/, '警号应为 4–10 位数字');
export const pinSchema = z
  .string()
  .min(6, '密码至少 6 位')
  .max(64, '密码最多 64 位');
export const personNameSchema = z.string().trim().min(1, '姓名不能为空').max(32, '姓名最多 32 个字');
export const roleSchema = z.enum(roles);

export interface Officer {
  id: number;
  badge: string;
  name: string;
  role: Role;
  active: boolean;
}

export interface SessionGrant {
  token: string;
  expiresAt: number;
  officer: Officer;
}

export const authEvents = {
  'setup:createAdmin': event<SessionGrant>()(
    z.strictObject({ badge: badgeSchema, name: personNameSchema, pin: pinSchema }),
    'public',
  ),
  'auth:login': event<SessionGrant>()(
    z.strictObject({ badge: badgeSchema, pin: z.string().min(1, '请输入密码').max(64) }),
    'public',
  ),
  'auth:logout': event<null>()(z.strictObject({}), 'officer'),
  'auth:me': event<Officer>()(z.strictObject({}), 'officer'),
};
