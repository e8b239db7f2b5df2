namespace GdNotebooks.Numerics;

/// <summary>
/// All eigenvalues and eigenvectors of a small dense symmetric matrix by the cyclic Jacobi method: sweep over the
/// off-diagonal pairs (p, q) and zero each with a plane rotation J chosen so that (JᵀA J)ₚq = 0, until the
/// off-diagonal mass is negligible (Jacobi 1846; Golub &amp; Van Loan, "Matrix Computations", §8.5). Slow (O(n³) per
/// sweep) but simple and accurate to a few ulps of ‖A‖: meant as the oracle that checks the Hessian-free methods
/// (<see cref="PowerIteration"/>, <see cref="HutchinsonTrace"/>) on problems with up to a few hundred parameters.
/// </summary>
public static class JacobiEigenvalues
{
    /// <summary>
    /// Eigenvalues in ascending order and the matching unit eigenvectors as the columns of <c>Vectors</c>
    /// (<c>Vectors[i, k]</c> is entry i of eigenvector k). Only the symmetric part ½(A + Aᵀ) is used.
    /// </summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] matrix, int maxSweeps = 100)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n) throw new ArgumentException($"the matrix is {n}×{matrix.GetLength(1)}, not square", nameof(matrix));
        var a = new double[n, n];
        var v = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            v[i, i] = 1;
            for (int j = 0; j < n; j++) a[i, j] = 0.5 * (matrix[i, j] + matrix[j, i]);
        }

        double scale = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) scale += a[i, j] * a[i, j];
        double threshold = 1e-30 * scale;
        for (int sweep = 0; sweep < maxSweeps; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off <= threshold) break;
            for (int p = 0; p < n - 1; p++)
            for (int q = p + 1; q < n; q++)
                if (a[p, q] != 0) Rotate(a, v, p, q);
        }

        var order = Enumerable.Range(0, n).OrderBy(k => a[k, k]).ToArray();
        var values = order.Select(k => a[k, k]).ToArray();
        var vectors = new double[n, n];
        for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) vectors[i, k] = v[i, order[k]];
        return (values, vectors);
    }

    /// <summary>
    /// Zeroes a[p, q] with the rotation of angle θ where cot 2θ = (a_qq − a_pp) / (2 a_pq); t = tan θ is the smaller
    /// root of t² + 2 t cot 2θ − 1 = 0, which keeps the rotation below 45° and the update stable.
    /// </summary>
    private static void Rotate(double[,] a, double[,] v, int p, int q)
    {
        int n = a.GetLength(0);
        double apq = a[p, q];
        double theta = (a[q, q] - a[p, p]) / (2 * apq);
        double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            // columns p and q of A·J
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            // rows p and q of Jᵀ·(A·J)
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }
        a[p, q] = a[q, p] = 0;
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
