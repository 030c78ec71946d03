import { describe, expectTypeOf, it } from 'vitest';
import { defineCommand } from '../../src/chat/command-definition.js';
import { reply } from '../../src/chat/reply.js';

// Type tests (vitest --typecheck): what handlers receive is inferred from each command's option specs.
describe('defineCommand', () => {
  it('types required options as present and optional ones as possibly undefined', () => {
    defineCommand({
      name: 'example',
      description: 'an example',
      options: {
        name: { type: 'string', description: 'who', required: true },
        page: { type: 'integer', description: 'which page' },
        action: { type: 'string', description: 'what', choices: ['add', 'remove'] },
      },
      async run({ options }) {
        expectTypeOf(options.name).toEqualTypeOf<string>();
        expectTypeOf(options.page).toEqualTypeOf<number | undefined>();
        expectTypeOf(options.action).toEqualTypeOf<string | undefined>();
        // @ts-expect-error an option the command does not declare
        void options.missing;
        return reply.text(options.name);
      },
    });
  });

  it('takes only the declared access rules', () => {
    defineCommand({
      name: 'a',
      description: 'a',
      options: {},
      access: 'operator',
      run: async () => reply.text(''),
    });
    defineCommand({
      name: 'b',
      description: 'b',
      options: {},
      // @ts-expect-error not an access rule
      access: 'admins',
      run: async () => reply.text(''),
    });
  });
});
