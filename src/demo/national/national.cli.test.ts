import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { memorySize, registerNationalCommands } from './national.cli';

describe('generate-national options', () => {
  it('takes PostgreSQL memory sizes', () => {
    expect(['1GB', '512MB', '65536kB', '2048', ' 1GB '].map(memorySize)).toEqual(['1GB', '512MB', '65536kB', '2048', '1GB']);
  });

  it('refuses another --maintenance-work-mem before touching any database, naming the option', async () => {
    let opened = 0;
    const program = new Command().exitOverride();
    registerNationalCommands(
      program,
      async () => {
        opened++;
        throw new Error('no database in this test');
      },
      async () => {},
    );
    for (const bad of ['lots', '1 GiB', "1GB'; DROP TABLE child; --", ''])
      await expect(
        program.parseAsync(['generate-national', '--database-url', 'postgres://x@127.0.0.1/none', '--maintenance-work-mem', bad], {
          from: 'user',
        }),
      ).rejects.toThrow(/maintenance-work-mem: a PostgreSQL memory size/);
    expect(opened).toBe(0);
  });
});
