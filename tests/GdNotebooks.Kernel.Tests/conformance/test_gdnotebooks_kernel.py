"""Jupyter conformance tests for the GdNotebooks C# kernel, run over real ZeroMQ by jupyter_kernel_test.

The kernelspec must be installed where Jupyter can find it (the C# test ConformanceTests installs it into a
temporary --prefix and sets JUPYTER_PATH). Run by hand:

    dotnet src/GdNotebooks.Cli/bin/Debug/net10.0/gdnb.dll kernel install --prefix /tmp/gdnb-spec
    JUPYTER_PATH=/tmp/gdnb-spec/share/jupyter /usr/bin/python3 -m unittest -v test_gdnotebooks_kernel
"""

import os
import unittest

import jupyter_kernel_test


class GdNotebooksKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("GDNB_KERNEL_NAME", "gdnotebooks")

    language_name = "csharp"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("oops");'

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": '"gradient" + " descent"', "result": "gradient descent"},
        {"code": "new[] { 1, 2, 3 }.Sum()", "result": "6"},
        {"code": "Math.Sqrt(16.0)", "result": "4"},
    ]

    code_display_data = [
        {"code": "display(42);", "mime": "text/plain"},
        {"code": 'display("<b>step</b>", "text/html");', "mime": "text/html"},
    ]

    completion_samples = [
        {"text": "Math.Sqr", "matches": {"Sqrt"}},
        {"text": "Console.WriteLi", "matches": {"WriteLine"}},
    ]

    complete_code_samples = ["1 + 1", "var x = 1;", 'Console.WriteLine("hi");', "if (true) { }"]
    incomplete_code_samples = ["if (true) {", "Math.Max(1,", "var s = @\"open"]
    invalid_code_samples = ["}", "var = ;"]

    code_generate_error = 'throw new InvalidOperationException("boom");'

    code_inspect_sample = "Math.Sqrt"

    code_history_pattern = "1*"
    supported_history_operations = ("tail", "range", "search")

    code_clear_output = "ClearOutput();"


if __name__ == "__main__":
    unittest.main()
