"""Restart and interrupt of the installed GdNotebooks kernel through jupyter_client's KernelManager, the code path
Jupyter's "Restart kernel" and stop button take. Run by ConformanceTests with JUPYTER_PATH set to the install prefix."""

import os
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL = os.environ.get("GDNB_KERNEL_NAME", "gdnotebooks")
TIMEOUT = 60


class KernelLifecycleTests(unittest.TestCase):
    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def execute(self, code):
        """Runs code; returns (reply content, text/plain results and stream text). Every iopub message of the request
        is kept in self.seen, for failure messages."""
        outputs = []
        self.seen = []

        def keep(msg):
            content = msg["content"]
            self.seen.append((msg["msg_type"], content))
            if msg["msg_type"] == "execute_result":
                outputs.append(content["data"]["text/plain"])
            elif msg["msg_type"] == "stream":
                outputs.append(content["text"])

        reply = self.kc.execute_interactive(code, timeout=TIMEOUT, output_hook=keep)
        self.seen.append(("execute_reply", reply["content"]))
        return reply["content"], outputs

    def test_restart_gives_a_fresh_kernel_that_answers(self):
        for now in (False, True):  # graceful (shutdown_request restart=true), then killed and relaunched
            with self.subTest(now=now):
                content, outputs = self.execute("var kept = 41; kept + 1")
                self.assertEqual("ok", content["status"])
                self.assertEqual(["42"], outputs)
                pid = self.km.provisioner.pid if self.km.provisioner else None

                self.km.restart_kernel(now=now)
                self.kc.wait_for_ready(timeout=TIMEOUT)
                self.assertTrue(self.km.is_alive())
                if pid is not None:
                    self.assertNotEqual(pid, self.km.provisioner.pid, "restart kept the old process")

                content, _ = self.execute("kept")
                self.assertEqual("error", content["status"], "state survived the restart")
                self.assertIn("CS0103", content["evalue"])
                content, outputs = self.execute("1 + 1")
                self.assertEqual("ok", content["status"])
                self.assertEqual(["2"], outputs)

    def test_interrupt_stops_a_running_cell_quickly_and_the_kernel_goes_on(self):
        msg_id = self.kc.execute('Console.WriteLine("waiting"); await Task.Delay(TimeSpan.FromMinutes(5), CancellationToken);')
        # Wait until the cell runs (its first output), then interrupt the way the stop button does.
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                break
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        stopped_after = time.monotonic() - started
        self.assertEqual(msg_id, reply["parent_header"]["msg_id"])
        self.assertEqual("error", reply["content"]["status"])
        self.assertLess(stopped_after, 5.0, "the interrupt took %.2f s" % stopped_after)
        content, outputs = self.execute('"still here"')
        self.assertEqual(["still here"], outputs, "messages: %r" % self.seen)


if __name__ == "__main__":
    unittest.main()
