// An app's backend reading Clients and their Sessions with Clerk's SDK, through the conformance proxy.
// Run: CLERK_SECRET_KEY=… node examples/proxy/sdk-session.mjs [proxy URL, default http://127.0.0.1:4011]
import { createClerkClient } from '@clerk/backend';

const apiUrl = process.argv[2] ?? 'http://127.0.0.1:4011';
const clerk = createClerkClient({ secretKey: process.env.CLERK_SECRET_KEY, apiUrl });
const { data: clients } = await clerk.clients.getClientList({ limit: 5 });
let sessions = 0;
for (const client of clients) {
  const list = await clerk.sessions.getSessionList({ clientId: client.id });
  // A plain array when the API answers one (the reference server does), else a page.
  sessions += (Array.isArray(list) ? list : list.data).length;
}
console.log(`read ${clients.length} clients and ${sessions} sessions through ${apiUrl}`);
