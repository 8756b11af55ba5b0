import type { FormRule } from 'antd';
import type { z } from 'zod';

/** An Ant Design form rule that checks a field with the same shared schema the core applies. */
export const zodRule = (schema: z.ZodType): FormRule => ({
  validator: (_rule, value: unknown) => {
    // An untouched field is undefined; checking it as '' gives the schema's own message (e.g. 姓名不能为空).
    const r = schema.safeParse(value ?? '');
    return r.success ? Promise.resolve() : Promise.reject(new Error(r.error.issues[0]?.message ?? '无效'));
  },
});

/** Resolves an ack to an error message, or undefined when it succeeded. */
export const problemOf = (ack: { ok: true } | { ok: false; error: { message: string } }): string | undefined =>
  ack.ok ? undefined : ack.error.message;
