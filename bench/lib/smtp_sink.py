"""A minimal SMTP sink for the scale-out correctness check: accepts every message and
appends its Message-ID to a file, one a line. Usage: smtp_sink.py <port> <log-file>"""
import socketserver
import sys

LOG = open(sys.argv[2], "a", buffering=1)


class Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 bench-sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode(errors="replace").strip().upper()
            if cmd.startswith("EHLO"):
                self.wfile.write(b"250-bench-sink\r\n250 8BITMIME\r\n")
            elif cmd.startswith("DATA"):
                self.reply("354 go ahead")
                mid = ""
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    if not mid and data.lower().startswith(b"message-id:"):
                        mid = data.decode(errors="replace").split(":", 1)[1].strip()
                LOG.write(mid + "\n")
                self.reply("250 ok")
            elif cmd.startswith("QUIT"):
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
