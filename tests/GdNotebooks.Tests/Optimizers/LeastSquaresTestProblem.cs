using GdNotebooks.Problems;

namespace GdNotebooks.Tests.Optimizers;

/// <summary>
/// f(W, b) = Σᵢ ‖W xᵢ + b − yᵢ‖² / 2m: a tiny linear regression whose weight W is a matrix block (one row per
/// output), so gradient centralization and per-block norm clipping have something to act on. Parameters are W
/// row-major, then b, as the torch reference flattens them.
/// </summary>
internal sealed class LeastSquaresTestProblem(double[][] x, double[][] y) : IProblem
{
    private readonly int _inputs = x[0].Length;
    private readonly int _outputs = y[0].Length;

    public string Name => "least_squares";
    public int Dimension => _outputs * _inputs + _outputs;
    public IReadOnlyList<string> ParameterNames => Enumerable.Range(0, Dimension).Select(i => $"w{i}").ToArray();

    public IReadOnlyList<ParameterBlock> Blocks =>
        [new ParameterBlock("weight", 0, _outputs, _inputs), new ParameterBlock("bias", _outputs * _inputs, _outputs, 1)];

    public double[] InitialPoint(int seed) => new double[Dimension];

    public double Loss(ReadOnlySpan<double> w) => LossAndGradient(w, new double[Dimension]);

    public double LossAndGradient(ReadOnlySpan<double> w, Span<double> gradient)
    {
        gradient.Clear();
        int m = x.Length, bias = _outputs * _inputs;
        double sum = 0;
        for (int i = 0; i < m; i++)
        {
            for (int o = 0; o < _outputs; o++)
            {
                double prediction = 0;
                for (int j = 0; j < _inputs; j++) prediction += x[i][j] * w[o * _inputs + j];
                double r = prediction + w[bias + o] - y[i][o];
                sum += r * r;
                for (int j = 0; j < _inputs; j++) gradient[o * _inputs + j] += r * x[i][j] / m;
                gradient[bias + o] += r / m;
            }
        }
        return sum / (2 * m);
    }

    public void HessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        // The loss is quadratic: H v is the gradient's change along v, i.e. the gradient of the residual map at v without y and with v's bias.
        result.Clear();
        int m = x.Length, bias = _outputs * _inputs;
        for (int i = 0; i < m; i++)
        {
            for (int o = 0; o < _outputs; o++)
            {
                double r = v[bias + o];
                for (int j = 0; j < _inputs; j++) r += x[i][j] * v[o * _inputs + j];
                for (int j = 0; j < _inputs; j++) result[o * _inputs + j] += r * x[i][j] / m;
                result[bias + o] += r / m;
            }
        }
    }
}
