#!/usr/bin/env python3
"""Kill -9 / resume driver for `streamsql -f` scripts (exploration helper; the reusable cases live in HuntEKillTests.cs).

Runs a script once uninterrupted (baseline) and once killed with SIGKILL N times and resumed with
--from-latest-checkpoint, then compares the committed (visible) lines of the sink directory as multisets.

  kill_resume.py job.sql [--out out] [--kills 3] [--when checkpoint|start|random] [--delay-ms 400]
                         [--feed DIR --feed-every-ms 300] [--idle-stop-s 3] [--expect FILE] [--shell PATH]

job.sql may use ${SCRATCH} (replaced by the run's scratch directory). With --feed, the files of DIR (in name order) are
copied into ${SCRATCH}/input one by one while the job runs (unbounded job: each run's end is a SIGTERM once the output
has been stable for --idle-stop-s seconds after the last file arrived).
"""
import argparse, collections, glob, os, random, shutil, signal, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SHELL = os.path.join(HERE, "..", "..", "..", "src", "Shell", "bin", "Release", "net10.0", "linux-x64", "streamsql")


def committed(out):
    lines = []
    for path in sorted(glob.glob(os.path.join(out, "**", "*"), recursive=True)):
        rel = os.path.relpath(path, out)
        if os.path.isdir(path) or any(p.startswith((".", "_")) for p in rel.split(os.sep)):
            continue
        with open(path, errors="replace") as f:
            lines += [l.rstrip() for l in f.read().splitlines() if l.strip()]
    return lines


def checkpoints(scratch):
    return sorted(int(os.path.basename(os.path.dirname(m))[4:]) for m in glob.glob(os.path.join(scratch, "**", "chk-*", "_metadata"), recursive=True))


class Feeder(threading.Thread):
    def __init__(self, src, dst, every_ms):
        super().__init__(daemon=True)
        self.files, self.dst, self.every = sorted(os.listdir(src)), dst, every_ms / 1000
        self.src, self.done, self.next = src, threading.Event(), 0
        os.makedirs(dst, exist_ok=True)

    def run(self):
        while self.next < len(self.files):
            name = self.files[self.next]
            shutil.copy(os.path.join(self.src, name), os.path.join(self.dst, "." + name + ".tmp"))
            os.rename(os.path.join(self.dst, "." + name + ".tmp"), os.path.join(self.dst, name))
            self.next += 1
            time.sleep(self.every)
        self.done.set()


def start(shell, scratch, extra, log):
    out = open(os.path.join(scratch, f"run-{len(log)}.log"), "w")
    p = subprocess.Popen([shell, "-f", "job.sql", *extra], cwd=scratch, stdout=out, stderr=subprocess.STDOUT)
    log.append(out.name)
    return p


def finish(p, args, feeder, out, scratch):
    if feeder is None:
        return p.wait(timeout=180)
    feeder.done.wait()
    # The run must have got going (two new checkpoints: it restored and read what was there) before stable output counts.
    newest = (checkpoints(scratch) or [0])[-1]
    while p.poll() is None and (checkpoints(scratch) or [0])[-1] < newest + 2:
        time.sleep(0.1)
    last, stable_since = None, time.time()
    while p.poll() is None:
        now = committed(out)
        if now != last:
            last, stable_since = now, time.time()
        elif time.time() - stable_since > args.idle_stop_s:
            break
        time.sleep(0.2)
    p.send_signal(signal.SIGTERM)
    return p.wait(timeout=60)


def prepare(sql, tag):
    return tempfile.mkdtemp(prefix=f"hunte-{tag}-")


def write_script(sql, scratch, parallelism):
    with open(sql) as f:
        text = f.read().replace("${SCRATCH}", scratch).replace("${P}", str(parallelism))
    with open(os.path.join(scratch, "job.sql"), "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sql")
    ap.add_argument("--out", default="out")
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--when", default="checkpoint", choices=["checkpoint", "start", "random"])
    ap.add_argument("--delay-ms", type=int, default=400)
    ap.add_argument("--feed")
    ap.add_argument("--feed-every-ms", type=int, default=300)
    ap.add_argument("--idle-stop-s", type=float, default=3)
    ap.add_argument("--expect")
    ap.add_argument("--shell", default=DEFAULT_SHELL)
    ap.add_argument("--seed", type=int, default=random.randrange(1 << 30))
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--parallelisms", default="1", help="${P} of each killed run in turn, e.g. 2,1,3 (the last one repeats)")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    print(f"seed {args.seed}")

    parallelisms = [int(x) for x in args.parallelisms.split(",")]
    results = {}
    for tag in ([] if args.no_baseline else ["baseline"]) + ["killed"]:
        scratch = prepare(args.sql, tag)
        out, log = os.path.join(scratch, args.out), []
        feeder = Feeder(args.feed, os.path.join(scratch, "input"), args.feed_every_ms) if args.feed else None
        if feeder: feeder.start()
        kills = args.kills if tag == "killed" else 0
        for k in range(kills):
            write_script(args.sql, scratch, parallelisms[min(k, len(parallelisms) - 1)])
            before = checkpoints(scratch)
            p = start(args.shell, scratch, ["--from-latest-checkpoint"], log)
            t0 = time.time()
            when = args.when if args.when != "random" else rnd.choice(["checkpoint", "start"])
            if when == "checkpoint":
                while p.poll() is None and (checkpoints(scratch) or [0])[-1] <= (before or [0])[-1] and time.time() - t0 < 60:
                    time.sleep(0.01)
            d = rnd.randint(0, args.delay_ms)
            time.sleep(d / 1000)
            if p.poll() is not None:
                print(f"  {tag} run {k + 1} ended by itself (exit {p.returncode}) before the kill")
            else:
                p.kill(); p.wait()
            print(f"  {tag} run {k + 1}: {when} +{d} ms, ckpts {before[-3:]} -> {checkpoints(scratch)[-3:]}, committed {len(committed(out))}")
        write_script(args.sql, scratch, parallelisms[min(kills, len(parallelisms) - 1)])
        p = start(args.shell, scratch, ["--from-latest-checkpoint"] if kills else [], log)
        rc = finish(p, args, feeder, out, scratch)
        rows = committed(out)
        print(f"  {tag} final: exit {rc}, committed {len(rows)} rows; scratch {scratch}")
        if rc not in (0, 143):
            print(open(log[-1]).read()[-3000:])
        results[tag] = rows

    ok = True
    refs = [(t, results[t]) for t in results if t != "killed"]
    if args.expect:
        with open(args.expect) as f:
            refs.append(("expected", [l.rstrip() for l in f if l.strip()]))
    for name, ref in refs:
        a, b = collections.Counter(ref), collections.Counter(results["killed"])
        missing, extra = a - b, b - a
        if missing or extra:
            ok = False
            print(f"DIFF killed vs {name}: {sum(missing.values())} missing, {sum(extra.values())} extra")
            for l, c in list(missing.items())[:10]: print(f"   missing x{c}: {l}")
            for l, c in list(extra.items())[:10]: print(f"   extra   x{c}: {l}")
        else:
            print(f"SAME killed vs {name} ({len(ref)} rows)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
