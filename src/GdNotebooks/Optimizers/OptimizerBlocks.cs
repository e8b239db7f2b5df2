using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>The problem's parameter blocks, checked to tile the parameter vector; one vector block when it has none.</summary>
internal static class OptimizerBlocks
{
    public static ParameterBlock[] Of(IProblem problem)
    {
        var blocks = problem.Blocks.ToArray();
        if (blocks.Length == 0) return [new ParameterBlock("w", 0, problem.Dimension, 1)];
        foreach (var block in blocks)
            if (block.Offset < 0 || block.Length < 0 || block.Offset + block.Length > problem.Dimension)
                throw new ArgumentException($"problem {problem.Name}: block {block.Name} lies outside its {problem.Dimension} parameters");
        return blocks;
    }
}

/// <summary>The state of links that act block by block: the blocks, resolved once at Init.</summary>
internal sealed class BlocksState(ParameterBlock[] blocks) : TransformState
{
    public ParameterBlock[] Blocks { get; } = blocks;
}
