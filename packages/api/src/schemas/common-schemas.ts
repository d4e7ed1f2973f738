import { z } from 'zod';

export const IdSchema = z.string().trim().min(1).max(64);

/** A bank's calendar date; whether it is a real date and in range is the importer's business (INVALID_PLAN). */
export const CalendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a YYYY-MM-DD date.');

export const BatchSizeSchema = z.number().int().min(10).max(200);

export const PageLimitSchema = (fallback: number) => z.number().int().min(1).max(100).default(fallback);
