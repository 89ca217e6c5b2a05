"""A reader that goes away (`summit quotes | head`) is not an error, for tables too."""
import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [["quotes"], ["compare", "002", "004"], ["show", "002"]])
def test_table_output_into_a_closed_pipe_exits_0(args, tmp_path):
    env = {**os.environ, "SUMMIT_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "summitcli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    proc.stdout.read(50)
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert b"Traceback" not in err and b"error" not in err
