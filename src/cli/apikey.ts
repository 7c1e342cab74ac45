import crypto from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import { hashApiKey, ROLES, type Role } from '../auth';

/**
 * `npm run apikey -- new <name> <role>` makes a random key and the API_KEYS
 * entry that grants it; `npm run apikey -- hash <key>` prints the digest of
 * an existing key. Configuration only ever holds digests.
 */
function main(argv: string[]): void {
  const program = new Command().name('apikey').description('Make and hash diplograph API keys.').showHelpAfterError();
  program
    .command('new')
    .description('make a random key and print it with its API_KEYS entry')
    .argument('<name>', 'a name for logs, such as alice or dashboard', (name: string) => {
      if (!/^[\w.-]{1,64}$/.test(name)) throw new InvalidArgumentError('letters, digits, _ . - only, at most 64');
      return name;
    })
    .argument('<role>', `one of ${ROLES.join(', ')}`, (role: string) => {
      if (!(ROLES as readonly string[]).includes(role)) throw new InvalidArgumentError(`expected one of ${ROLES.join(', ')}`);
      return role as Role;
    })
    .action((name: string, role: Role) => {
      const key = crypto.randomBytes(32).toString('base64url');
      process.stdout.write(`key (give it to the client; store it nowhere else): ${key}\n`);
      process.stdout.write(`API_KEYS entry: ${name}:${role}:${hashApiKey(key)}\n`);
    });
  program
    .command('hash')
    .description('print the SHA-256 digest of a key, as API_KEYS takes it')
    .argument('<key>', 'the key')
    .action((key: string) => {
      process.stdout.write(`${hashApiKey(key)}\n`);
    });
  program.parse(argv);
}

main(process.argv);
