// Runs the WebAssembly build of session-kernel.as.ts (run.sh compiles it next to this file).
//   node bench/kernel/session-kernel-wasm.mjs WASM_FILE USERS SESSIONS PARTS
import { readFileSync } from 'node:fs';
const [file, users, sessions, parts] = [process.argv[2], Number(process.argv[3] ?? 2000), Number(process.argv[4] ?? 1e6), Number(process.argv[5] ?? 3)];
const { instance } = await WebAssembly.instantiate(readFileSync(file), { env: { abort() { throw new Error('abort'); } } });
const k = instance.exports;
k.setup(users);
k.run(50000, parts);
k.setup(users);
const t0 = process.hrtime.bigint();
const sum = k.run(sessions, parts);
console.log(`WebAssembly ${parts}: ${(Number(process.hrtime.bigint() - t0) / sessions).toFixed(0)} ns/session (checksum ${sum})`);
