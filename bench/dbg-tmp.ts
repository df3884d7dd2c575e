import Database from 'better-sqlite3';
import { Workbench } from '../src/main/workbench';
import fs from 'node:fs'; import path from 'node:path';
const home = process.argv[2]!; const project = path.join(home, 'search.sourcebench');
