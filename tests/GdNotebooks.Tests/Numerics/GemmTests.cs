using GdNotebooks.Numerics;

namespace GdNotebooks.Tests.Numerics;

/// <summary>The float32 GEMM kernels against a naive triple loop, on shapes that exercise every tile and tail.</summary>
public class GemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 7, 13, 5 }, { 32, 64, 64 }, { 33, 65, 10 }, { 5, 8, 3 }, { 4, 24, 1 }, { 9, 17, 200 }, { 3, 16, 0 },
    };

    private static float[] Random(int count, int seed)
    {
        var random = new Xoshiro256StarStar(seed);
        return Enumerable.Range(0, count).Select(_ => (float)random.NextGaussian()).ToArray();
    }

    /// <summary>C[i,j] = Σ_p A(i,p) B[p,j] as one scalar FMA chain per entry: the arithmetic the kernels promise.</summary>
    private static float[] FmaChain(int m, int n, int k, Func<int, int, float> a, float[] b, int ldb, float[]? start = null)
    {
        var c = new float[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = start?[i * n + j] ?? 0f;
                for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a(i, p), b[p * ldb + j], s);
                c[i * n + j] = s;
            }
        return c;
    }

    /// <summary>The textbook product in float64.</summary>
    private static double[] Naive(int m, int n, int k, Func<int, int, float> a, float[] b, int ldb)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int p = 0; p < k; p++) c[i * n + j] += (double)a(i, p) * b[p * ldb + j];
        return c;
    }

    private static void AssertClose(double[] expected, float[] actual, int k)
    {
        Assert.Equal(expected.Length, actual.Length);
        double tolerance = 1e-6 * Math.Max(1, k);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"entry {i}: {actual[i]} vs {expected[i]}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_matches_a_naive_triple_loop_and_is_an_fma_chain(int m, int n, int k)
    {
        int lda = k + 3, ldb = n + 2;   // strides wider than the matrices
        var a = Random(m * lda, 1);
        var b = Random(Math.Max(k, 1) * ldb, 2);
        var c = new float[m * n];

        Gemm.Multiply(m, n, k, a, lda, b, ldb, c, n);

        AssertClose(Naive(m, n, k, (i, p) => a[i * lda + p], b, ldb), c, k);
        Assert.Equal(FmaChain(m, n, k, (i, p) => a[i * lda + p], b, ldb), c);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyTransposedA_reads_A_as_stored_transposed(int m, int n, int k)
    {
        int lda = m + 1;
        var a = Random(Math.Max(k, 1) * lda, 3);   // k × m stored
        var b = Random(Math.Max(k, 1) * n, 4);
        var c = new float[m * n];

        Gemm.MultiplyTransposedA(m, n, k, a, lda, b, n, c, n);

        AssertClose(Naive(m, n, k, (i, p) => a[p * lda + i], b, n), c, k);
        Assert.Equal(FmaChain(m, n, k, (i, p) => a[p * lda + i], b, n), c);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyAdd_continues_the_sum_from_C(int m, int n, int k)
    {
        var a = Random(m * k, 5);
        var b = Random(k * n, 6);
        var start = Random(m * n, 7);
        var c = start.ToArray();

        Gemm.MultiplyAdd(m, n, k, a, k, b, n, c, n);

        Assert.Equal(FmaChain(m, n, k, (i, p) => a[i * k + p], b, n, start), c);
    }

    [Fact]
    public void Long_sums_split_into_chunks_give_the_same_bits()
    {
        // k = 1000 is cut into chunks of Gemm.SumChunk; the parked partial sums must not change a bit.
        int m = 12, n = 24, k = 1000;
        var a = Random(k * m, 8);
        var b = Random(k * n, 9);
        var c = new float[m * n];

        Gemm.MultiplyTransposedA(m, n, k, a, m, b, n, c, n);

        Assert.Equal(FmaChain(m, n, k, (i, p) => a[p * m + i], b, n), c);
    }

    [Fact]
    public void NaN_and_infinity_propagate()
    {
        var a = new float[] { float.NaN, 1, 2, 3 };
        var b = new float[] { 1, 1, 1, 1, 1, 1, 1, 1, float.PositiveInfinity, 0, 0, 0, 0, 0, 0, 0 };
        var c = new float[16];

        Gemm.Multiply(2, 8, 2, a, 2, b, 8, c, 8);

        Assert.True(float.IsNaN(c[0]));
        Assert.Equal(float.PositiveInfinity, c[8]);
        Assert.Equal(2f, c[9]);   // 2·1 + 3·0
    }

    [Fact]
    public void Short_buffers_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(4, 4, 4, new float[15], 4, new float[16], 4, new float[16], 4));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(4, 4, 4, new float[16], 4, new float[16], 4, new float[15], 4));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(4, 4, 4, new float[16], 3, new float[16], 4, new float[16], 4));
    }
}
