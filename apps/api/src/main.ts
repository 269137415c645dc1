import 'reflect-metadata';
import { loadConfig } from './config/app-config';
import { startApp } from './app';

async function main(): Promise<void> {
  const running = await startApp(loadConfig());
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
