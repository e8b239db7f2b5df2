using GdNotebooks.Numerics;

namespace GdNotebooks.Tests.Numerics;

public class JacobiEigenvaluesTests
{
    [Fact]
    public void Diagonal_and_two_by_two_have_known_eigenvalues()
    {
        Assert.Equal([1.0, 10, 100], JacobiEigenvalues.Decompose(new double[,] { { 10, 0, 0 }, { 0, 100, 0 }, { 0, 0, 1 } }).Values);
        // [[2,1],[1,2]] has eigenvalues 1 and 3; x² − y² has 2 and −2 (power iteration would stall on equal magnitudes).
        var values = JacobiEigenvalues.Decompose(new double[,] { { 2, 1 }, { 1, 2 } }).Values;
        Assert.Equal(1, values[0], 12);
        Assert.Equal(3, values[1], 12);
        Assert.Equal([-2.0, 2], JacobiEigenvalues.Decompose(new double[,] { { 2, 0 }, { 0, -2 } }).Values);
    }

    [Fact]
    public void Random_symmetric_matrix_keeps_trace_and_frobenius_norm()
    {
        var random = new Xoshiro256StarStar(7);
        const int n = 12;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j <= i; j++)
            a[i, j] = a[j, i] = random.NextGaussian();
        var values = JacobiEigenvalues.Decompose(a).Values;
        double trace = 0, frobenius = 0;
        for (int i = 0; i < n; i++)
        {
            trace += a[i, i];
            for (int j = 0; j < n; j++) frobenius += a[i, j] * a[i, j];
        }
        Assert.Equal(trace, values.Sum(), 10);
        Assert.Equal(frobenius, values.Sum(v => v * v), 9);
        Assert.Equal(values.OrderBy(v => v), values);
    }
}
