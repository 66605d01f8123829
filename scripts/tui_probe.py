#!/usr/bin/env python3
"""Runs the esf browser in a pseudo-terminal and measures what a user
feels: time to the first frame, peak memory, bytes written while idle and
for one j/k step, and keystroke echo versus filtered results.

Usage: tui_probe.py ESF_BINARY DB COLS ROWS [QUERY]
Prints one JSON object.
"""
import json, os, pty, re, select, subprocess, sys, time, struct, fcntl, termios

binary, db, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
query = sys.argv[5] if len(sys.argv) > 5 else "inkl"

def read_until_pattern(fd, pattern, timeout, data=b""):
    """Bytes read until the regex `pattern` matches (or the timeout)."""
    end = time.time() + timeout
    while not re.search(pattern, data) and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data += os.read(fd, 65536)
            except OSError:
                break
    return data, bool(re.search(pattern, data))

def read_until(fd, needle, timeout):
    """Bytes read until `needle` appears (or the timeout)."""
    return read_until_pattern(fd, re.escape(needle), timeout)

def drain(fd, seconds):
    """Bytes written during `seconds` (a pattern that never matches)."""
    return read_until_pattern(fd, rb"(?!)", seconds)[0]

master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
env = dict(os.environ, ESF_DB=db, TERM="xterm-256color", XDG_CONFIG_HOME="/nonexistent")
started = time.time()
proc = subprocess.Popen(["/usr/bin/time", "-f", "RSS_KB=%M", binary], stdin=slave, stdout=slave,
                        stderr=subprocess.PIPE, env=env, close_fds=True)
os.close(slave)
out, ok = read_until(master, b"Projects", 600)
first_frame = time.time() - started
result = {"first_frame_ms": round(first_frame * 1000, 1), "first_frame_seen": ok}
# The rest of the projects load in the background; the count replaces
# "loading…" when they are in.
_, loaded = read_until_pattern(master, rb"\d+/\d+ projects", 600, out)
result["all_loaded_ms"] = round((time.time() - started) * 1000, 1)
drain(master, 1.0)                       # let it settle
result["idle_bytes_2s"] = len(drain(master, 2.0))
os.write(master, b"j")
step = drain(master, 0.5)
result["j_step_bytes"] = len(step)
os.write(master, b"k")
result["k_step_bytes"] = len(drain(master, 0.5))
# Keystroke echo versus results: type the filter, time the echo of the
# last letter and the frame with the new count.
os.write(master, b"/")
drain(master, 0.3)
t0 = time.time()
os.write(master, query.encode())
# The cursor block may come after a change of style (reverse video).
CURSOR = re.escape(query[-1:].encode()) + rb"(?:\x1b\[[0-9;]*m)*" + "\u2588".encode()
echo, _ = read_until_pattern(master, CURSOR, 30)
result["echo_ms"] = round((time.time() - t0) * 1000, 1)
# The echo frame ends with the end of a synchronized update; the next
# frame is the results (the browser draws the keystroke, then filters).
END = b"\x1b[?2026l"
after = re.split(CURSOR, echo, maxsplit=1)[-1]
if END not in after:
    after, _ = read_until(master, END, 60)
    after = after.split(END, 1)[1]
else:
    after = after.split(END, 1)[1]
if END not in after:
    read_until(master, END, 120)
result["results_ms"] = round((time.time() - t0) * 1000, 1)
os.write(master, b"\x1b")
drain(master, 1.0)
t0 = time.time()
os.write(master, b"q")
while proc.poll() is None and time.time() - t0 < 300:
    drain(master, 0.2)
result["quit_ms"] = round((time.time() - t0) * 1000, 1)
if proc.poll() is None:
    proc.terminate()
_, err = proc.communicate(timeout=60)
for line in err.decode(errors="replace").splitlines():
    if line.startswith("RSS_KB="):
        result["peak_rss_mb"] = round(int(line[7:]) / 1024, 1)
result["exit_status"] = proc.returncode
print(json.dumps(result))
