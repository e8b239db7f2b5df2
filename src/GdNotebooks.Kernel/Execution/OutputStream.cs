namespace GdNotebooks.Kernel.Execution;

/// <summary>Which console stream text was written to.</summary>
public enum OutputStream
{
    /// <summary>Console.Out; Jupyter's "stdout".</summary>
    StandardOutput,
    /// <summary>Console.Error; Jupyter's "stderr".</summary>
    StandardError,
}
