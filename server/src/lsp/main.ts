// Entry of the bundled server (dist/server.js): `--node-ipc` when the VS Code client starts it,
// `--stdio` for other editors (also reached through `lockstep lsp --stdio`).
import { startServer } from './server';

startServer();
