namespace GdNotebooks.Numerics;

/// <summary>
/// The eigenvalues of a small real symmetric matrix by the cyclic Jacobi method: plane rotations zero each
/// off-diagonal entry in turn until the off-diagonal mass is negligible. Exact to a few ulps of ‖A‖ and robust for
/// indefinite matrices and repeated eigenvalues (where power iteration stalls), at O(n³) per sweep — meant for the
/// dense Hessians of problems with at most a few dozen parameters (Golub and Van Loan, §8.5).
/// </summary>
public static class SymmetricEigenvalues
{
    /// <summary>The eigenvalues of the symmetric n×n <paramref name="matrix"/> in ascending order.</summary>
    /// <param name="matrix">Symmetric; only its lower and upper triangles' average is used, so tiny asymmetry is harmless.</param>
    /// <param name="maxSweeps">Bound on the sweeps; Jacobi converges quadratically, so 50 is far more than needed.</param>
    /// <exception cref="ArgumentException">The matrix is not square or holds NaN or infinities.</exception>
    public static double[] Of(double[,] matrix, int maxSweeps = 50)
    {
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n) throw new ArgumentException($"matrix is {n}×{matrix.GetLength(1)}; it must be square", nameof(matrix));
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            double v = 0.5 * (matrix[i, j] + matrix[j, i]);
            if (!double.IsFinite(v)) throw new ArgumentException($"matrix[{i},{j}] is not finite", nameof(matrix));
            a[i, j] = v;
        }

        for (int sweep = 0; sweep < maxSweeps; sweep++)
        {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                total += a[i, j] * a[i, j];
                if (i != j) off += a[i, j] * a[i, j];
            }
            if (off <= 1e-30 * total || off == 0) break;

            for (int p = 0; p < n - 1; p++)
            for (int q = p + 1; q < n; q++)
            {
                if (a[p, q] == 0) continue;
                // The rotation angle θ with tan 2θ = 2a_pq / (a_qq − a_pp); t = tan θ, the smaller root for stability.
                double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                for (int k = 0; k < n; k++)
                {
                    double akp = a[k, p], akq = a[k, q];
                    a[k, p] = c * akp - s * akq;
                    a[k, q] = s * akp + c * akq;
                }
                for (int k = 0; k < n; k++)
                {
                    double apk = a[p, k], aqk = a[q, k];
                    a[p, k] = c * apk - s * aqk;
                    a[q, k] = s * apk + c * aqk;
                }
            }
        }
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i, i];
        Array.Sort(values);
        return values;
    }
}
