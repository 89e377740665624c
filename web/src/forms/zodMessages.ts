import { z } from 'zod';
import en from 'zod/v4/locales/en.js';

/**
 * zod's package is marked side-effect free, so a bundler drops the line where zod installs
 * its English messages, and every built-in refusal reads just "Invalid input". Installing
 * them here gives the browser the same words the server uses ("Invalid option: expected
 * one of …"), which forms/errors.ts then translates.
 */
z.config(en());
