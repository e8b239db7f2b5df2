
namespace GdNotebooks.Kernel.Tests.Conformance;

/// <summary>
/// Installs the kernel from the real gdnb into a temporary prefix and runs Python test modules against it over
/// ZeroMQ: jupyter_kernel_test's KernelTests (conformance/test_gdnotebooks_kernel.py), and restart and interrupt
/// through jupyter_client's KernelManager (conformance/test_kernel_lifecycle.py).
/// </summary>
public sealed class ConformanceTests
{
    [JupyterFact]
    public void Jupyter_kernel_test_passes_against_the_installed_kernel() => RunModule("test_gdnotebooks_kernel");

    [JupyterFact]
    public void Jupyter_restart_and_interrupt_work_on_the_installed_kernel() => RunModule("test_kernel_lifecycle");

    private static void RunModule(string module)
    {
        Assert.Null(JupyterFactAttribute.MissingPrerequisite());
        var prefix = Directory.CreateTempSubdirectory("gdnb-kernelspec-");
        try
        {
            var gdnb = Paths.GdnbDll();
            var install = Paths.Run("dotnet", [gdnb, "kernel", "install", "--prefix", prefix.FullName], null, TimeSpan.FromMinutes(1));
            Assert.True(install.ExitCode == 0, "kernel install failed:\n" + install.Output);

            var environment = new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = Path.Combine(prefix.FullName, "share", "jupyter"),
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(prefix.FullName, "runtime"),
            };
            var conformance = Path.Combine(AppContext.BaseDirectory, "conformance");
            var run = Paths.Run(JupyterFactAttribute.Python, ["-m", "unittest", "-v", module], conformance, TimeSpan.FromMinutes(5), environment);
            Assert.True(run.ExitCode == 0, $"{module} failed:\n" + run.Output);
            Assert.Contains("OK", run.Output);
        }
        finally
        {
            prefix.Delete(recursive: true);
        }
    }
}
