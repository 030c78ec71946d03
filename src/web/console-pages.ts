/**
 * The operator console's content: login, the overview (health, LLM budget and cache), sources
 * with add/remove/restore forms, subscriptions, and a chat's next digest. Every form that changes
 * something carries the session's CSRF token.
 */
import { isSafeLink } from '../chat/reply.js';
import { clip, html, link, type Html } from './html.js';
import { time } from './layout.js';
import type {
  ConsoleLlm,
  ConsoleOverview,
  ConsolePreview,
  ConsoleSources,
  ConsoleSubscription,
} from './console-data.js';

const ERROR_CHARS = 500;

export function loginPage(options: { csrf: string; hasToken: boolean; failed: boolean }): Html {
  return html`<h1>Operator console</h1>
    ${options.failed ? html`<p class="notice error" role="alert">That token is not the console’s. Check QUOTEWIRE_WEB_TOKEN and try again.</p>` : ''}
    ${
      options.hasToken
        ? html`<form action="/console/login" method="post" class="stack">
              <input type="hidden" name="csrf" value="${options.csrf}" />
              <label for="token">Operator token</label>
              <input id="token" name="token" type="password" autocomplete="current-password" required />
              <button type="submit">Log in</button>
            </form>
            <p class="meta">The token is QUOTEWIRE_WEB_TOKEN in the bot’s environment.</p>`
        : html`<p>No operator token is set (QUOTEWIRE_WEB_TOKEN).</p>`
    }
    <p>
      Or ask the bot for a one-time link: send <code>/weblogin</code> to it in a private chat (you must be one
      of its operators), or type it at the terminal.
    </p>`;
}

export function linkLoginPage(options: { csrf: string; secret: string; valid: boolean }): Html {
  if (!options.valid) {
    return html`<h1>This link does not work any more</h1>
      <p>A login link works once, for ten minutes. Ask the bot for a new one with <code>/weblogin</code>.</p>
      <p><a href="/console/login">Log in with the token</a></p>`;
  }
  return html`<h1>Log in to the operator console</h1>
    <form action="/console/login/${options.secret}" method="post" class="stack">
      <input type="hidden" name="csrf" value="${options.csrf}" />
      <button type="submit">Log in</button>
    </form>
    <p class="meta">The link works once: after this, it is used up.</p>`;
}

export function overviewPage(overview: ConsoleOverview, llm: ConsoleLlm): Html {
  const parts = Object.entries(overview.health);
  return html`<h1>Operator console</h1>
    <ul>
      <li>
        <a href="/console/sources">Sources</a>: ${overview.sources.total}, ${overview.sources.failing}
        failing${overview.sources.removed ? `, ${overview.sources.removed} removed` : ''}
      </li>
      <li>
        <a href="/console/subscriptions">Subscriptions</a>:
        ${overview.subscriptions.total}${overview.subscriptions.paused ? `, ${overview.subscriptions.paused} paused` : ''}
      </li>
    </ul>
    <h2>Health</h2>
    <div class="table-wrap">
      <table>
        <caption class="meta">
          Each running part, as /readyz sees it
        </caption>
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">State</th>
            <th scope="col">Since</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          ${parts.map(
            ([part, status]) =>
              html`<tr>
                <th scope="row">${part}</th>
                <td
                  class="${status.state === 'down' ? 'state-bad' : status.state === 'up' ? 'state-ok' : ''}"
                >
                  ${status.state}
                </td>
                <td>${time(status.since)}</td>
                <td>${status.detail ? clip(status.detail, ERROR_CHARS) : ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <p class="meta">Store: ${overview.store}</p>
    ${llmSection(llm)}`;
}

function llmSection(llm: ConsoleLlm): Html {
  const engine =
    llm.engine === 'openai'
      ? html`the LLM (${llm.model ?? ''}${llm.server ? html` at ${llm.server}` : ''}), offline when it cannot
        be used`
      : html`offline (no LLM)`;
  return html`<h2>Summaries</h2>
    <p>Engine: ${engine}.</p>
    <dl class="facts">
      <dt>Tokens today (UTC)</dt>
      <dd>${llm.budget.usedToday.toLocaleString('en')} of ${llm.budget.dailyLimit.toLocaleString('en')}</dd>
      <dt>Cached summaries</dt>
      <dd>${llm.cache.summaries.toLocaleString('en')}</dd>
      <dt>Answers set aside</dt>
      <dd>${llm.cache.rejected.toLocaleString('en')} (asked again after an hour)</dd>
    </dl>
    <div class="table-wrap">
      <table>
        <caption class="meta">
          LLM use in the last ${llm.budget.days.length} days
        </caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Calls</th>
            <th scope="col">Prompt tokens</th>
            <th scope="col">Completion tokens</th>
          </tr>
        </thead>
        <tbody>
          ${llm.budget.days.map(
            (day) =>
              html`<tr>
                <th scope="row">${day.day}</th>
                <td>${day.calls}</td>
                <td>${day.promptTokens.toLocaleString('en')}</td>
                <td>${day.completionTokens.toLocaleString('en')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

export function sourcesPage(data: ConsoleSources, csrf: string): Html {
  return html`<h1>Sources</h1>
    <form action="/console/sources" method="post" class="stack">
      <input type="hidden" name="csrf" value="${csrf}" />
      <label for="location">Add a feed or page</label>
      <input
        id="location"
        name="location"
        type="url"
        inputmode="url"
        required
        placeholder="https://example.com/feed.xml"
        aria-describedby="location-help"
      />
      <p id="location-help" class="meta">
        It is fetched once to check that it works, with the same checks as /source add in a chat.
      </p>
      <button type="submit">Add source</button>
    </form>
    <h2>Being read (${data.sources.length})</h2>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Status</th>
            <th scope="col">Articles</th>
            <th scope="col"><span class="meta">Action</span></th>
          </tr>
        </thead>
        <tbody>
          ${data.sources.map(
            (source) =>
              html`<tr>
                <th scope="row">
                  ${source.id}<br /><span class="meta"
                    >${isSafeLink(source.location) ? link(source.location, clip(source.location, 120)) : clip(source.location, 120)}</span
                  ><br /><span class="meta"
                    >${
                      source.origin === 'config'
                        ? 'config file'
                        : html`added${source.addedBy ? ` by ${source.addedBy}` : ''}
                          ${time(source.addedAt, false)}`
                    }</span
                  >
                </th>
                <td class="state-${source.state}">
                  ${
                    source.state === 'failing'
                      ? html`failing (${source.status.consecutiveFailures}×):
                        ${clip(source.status.lastError ?? '', ERROR_CHARS)}${source.status.nextAttemptAt ? html`; next try ${time(source.status.nextAttemptAt)}` : ''}`
                      : source.state === 'ok'
                        ? 'ok'
                        : 'not fetched yet'
                  }<br /><span class="meta"
                    >last fetch
                    ${time(source.status.lastSuccessAt)}${source.status.problems.length ? html`; ${source.status.problems.length} file(s) unreadable` : ''}</span
                  >
                </td>
                <td>
                  ${source.status.articlesStored.toLocaleString('en')}<br /><span class="meta"
                    >${source.status.lastNewArticles} new last time</span
                  >
                </td>
                <td>
                  <form action="/console/sources/${source.id}/remove" method="post" class="inline">
                    <input type="hidden" name="csrf" value="${csrf}" />
                    <button type="submit" class="secondary" aria-label="Remove ${source.id}">Remove</button>
                  </form>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      data.removed.length
        ? html`<h2>Removed from the config’s list (${data.removed.length})</h2>
            <ul>
              ${data.removed.map(
                (source) =>
                  html`<li>
                    ${source.id}
                    <span class="meta"
                      >(${clip(source.location, 120)}) removed
                      ${time(source.removedAt, false)}${source.removedBy ? ` by ${source.removedBy}` : ''}</span
                    >
                    <form action="/console/sources/${source.id}/restore" method="post" class="inline">
                      <input type="hidden" name="csrf" value="${csrf}" />
                      <button type="submit" class="secondary" aria-label="Restore ${source.id}">
                        Restore
                      </button>
                    </form>
                  </li>`,
              )}
            </ul>`
        : ''
    }`;
}

export function subscriptionsPage(subscriptions: readonly ConsoleSubscription[]): Html {
  if (subscriptions.length === 0) {
    return html`<h1>Subscriptions</h1>
      <p>
        No chat is subscribed yet. In a chat with the bot, <code>/subscribe</code> starts the daily digest.
      </p>`;
  }
  return html`<h1>Subscriptions (${subscriptions.length})</h1>
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Chat</th>
            <th scope="col">Settings</th>
            <th scope="col">Next delivery</th>
            <th scope="col">Last delivery</th>
          </tr>
        </thead>
        <tbody>
          ${subscriptions.map(
            (subscription) =>
              html`<tr>
                <th scope="row">
                  ${subscription.id}<br /><a
                    href="/console/subscriptions/${encodeURIComponent(subscription.id)}/preview"
                    >Preview its next digest</a
                  >
                </th>
                <td>
                  ${subscription.topics.length ? `topics: ${subscription.topics.join(', ')}` : 'all the news'}<br />${subscription.deliveryTime}
                  ${subscription.timeZone}, language ${subscription.language}
                </td>
                <td>
                  ${subscription.paused ? html`<span class="state-bad">paused</span> ${time(subscription.paused.at)}: ${clip(subscription.paused.reason, ERROR_CHARS)}` : time(subscription.nextDelivery)}
                </td>
                <td>
                  ${
                    subscription.lastDelivery
                      ? html`<span
                            class="${subscription.lastDelivery.state === 'sent' ? 'state-ok' : subscription.lastDelivery.state === 'sending' ? '' : 'state-bad'}"
                            >${subscription.lastDelivery.state}</span
                          >
                          for ${subscription.lastDelivery.day}, ${subscription.lastDelivery.attempts}
                          attempt(s), ${subscription.lastDelivery.partsSent} message(s), by instance
                          ${clip(subscription.lastDelivery.owner, 80)}${subscription.lastDelivery.leaseUntil ? html`, its claim until ${time(subscription.lastDelivery.leaseUntil)}` : ''};
                          ${time(subscription.lastDelivery.updatedAt)}${subscription.lastDelivery.lastError ? html`<br /><span class="meta">${clip(subscription.lastDelivery.lastError, ERROR_CHARS)}</span>` : ''}`
                      : html`<span class="muted">none this week</span>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

export function previewPage(preview: ConsolePreview, stories: Html): Html {
  const { subscription } = preview;
  return html`<h1>Next digest of ${subscription.id}</h1>
    <p class="meta">
      Built now (${time(preview.builtAt)}) as its delivery would build
      it${subscription.topics.length ? `, for the topics ${subscription.topics.join(', ')}` : ''}; the
      delivery itself is at ${time(subscription.nextDelivery)}. ${preview.stats.stories} stories from
      ${preview.stats.articles} articles.
    </p>
    ${stories}
    <p><a href="/console/subscriptions">All subscriptions</a></p>`;
}
