import { z } from 'zod';

/** Ids become file names and URL segments: lowercase words joined by hyphens. */
export const ContentId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'use lowercase letters, digits and hyphens');
