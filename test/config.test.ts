import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../src/config.js';
import { redactSecrets } from '../src/logger.js';

const TOKEN = '123456789:AAEhBOweik9ai2o4Udfh3kdhf83ndhf8Abc';

describe('createConfig', () => {
  it('defaults to the console: no channel credentials, content/ and data/', () => {
    expect(createConfig({})).toMatchObject({ contentDir: 'content', dataDir: 'data', telegram: undefined, floodMessagesPerMinute: 20 });
  });

  it.each([
    [{ FLOOD_MESSAGES_PER_MINUTE: 'lots' }, /FLOOD_MESSAGES_PER_MINUTE: must be a whole number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, /TELEGRAM_BOT_TOKEN: does not look like a bot token/],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'localhost:9000' }, /TELEGRAM_API_ROOT: must be an http\(s\) URL/],
    [{ PORT: '70000' }, /PORT/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => createConfig(env)).toThrow(ConfigError);
    expect(() => createConfig(env)).toThrow(message);
  });

  it('never puts the token value in an error message', () => {
    try {
      createConfig({ TELEGRAM_BOT_TOKEN: `${TOKEN} extra` });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('AAEhBOweik9ai2o4');
    }
  });
});

describe('redactSecrets', () => {
  it('removes bot tokens from text such as request URLs', () => {
    expect(redactSecrets(`GET https://api.telegram.org/bot${TOKEN}/getMe failed`)).toBe('GET https://api.telegram.org/bot<redacted-token>/getMe failed');
  });
});
