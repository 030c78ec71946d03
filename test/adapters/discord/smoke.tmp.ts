import { Client, Events, GatewayIntentBits } from 'discord.js';
import { startFakeDiscord, slashCommand } from '../../helpers/fake-discord-server.js';
const fake = await startFakeDiscord();
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
const t0 = Date.now();
client.on(Events.InteractionCreate, async (i) => {
  if (i.isChatInputCommand()) { console.log('cmd', i.commandName, i.memberPermissions?.bitfield, i.channelId); await i.deferReply(); await i.editReply({content: 'hi', components: [{type:1, components:[{type:2, style:2, label:'More', custom_id:'more:x'}]}]}); await i.followUp({content: 'more'}); }
});
client.on(Events.Debug, (m) => process.env.DBG && console.log('debug', m));
await new Promise<void>((resolve) => { client.once(Events.ClientReady, () => resolve()); void client.login('tok'); });
console.log('ready in', Date.now() - t0, client.application?.id);
const { id, token } = fake.interact(slashCommand('digest', { topic: 'x' }));
await new Promise((r) => setTimeout(r, 300));
console.log(fake.callbacks(id), fake.webhookCalls(token).map(c => [c.method, c.path]));
fake.requestReconnect();
await new Promise((r) => setTimeout(r, 500));
console.log(fake.gatewayOps);
await client.destroy(); await fake.close();
