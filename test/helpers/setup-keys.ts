// Per test file (vitest setupFiles): use the run's keys, the ones the templates were built with.
import { inject } from 'vitest';
import { setActiveKeyring } from '../../src/security/keys.js';
import { runKeyring } from './templates.js';

const templates = inject('wenzeTemplates');
if (templates) setActiveKeyring(runKeyring(templates.keys));
