// The baseline for `fanout`: a bare socket.io server that broadcasts each "go" to every client,
// with the same payload shape as HallBridge's slide event and no authentication, rooms or storage.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { path: '/socket.io', serveClient: false });
let seq = 0;
io.on('connection', (socket) => {
  socket.on('go', (payload, ack) => {
    seq += 1;
    io.emit('live:event', {
      type: 'slide.changed',
      slide: { deckId: payload.deckId, page: payload.page, controllerUserId: null },
      seq,
      at: Date.now(),
    });
    ack?.({ ok: true, seq });
  });
});
http.listen(0, '127.0.0.1', () => console.log(`ready ${http.address().port}`));
process.on('SIGTERM', () => process.exit(0));
