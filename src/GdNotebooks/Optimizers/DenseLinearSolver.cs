namespace GdNotebooks.Optimizers;

/// <summary>
/// Solves A·x = b for a small dense n×n matrix by LU factorisation with partial (row) pivoting, the method of
/// LAPACK's <c>dgesv</c> behind <c>torch.linalg.solve</c>. Works in caller-owned buffers: nothing is allocated.
/// </summary>
internal static class DenseLinearSolver
{
    /// <summary>
    /// Factorises <paramref name="matrix"/> (row-major n×n, overwritten by its LU factors) and overwrites
    /// <paramref name="rightHandSide"/> with the solution. Returns false when a pivot is exactly zero or not
    /// finite (a singular or non-finite matrix); the buffers then hold garbage.
    /// </summary>
    public static bool TrySolve(Span<double> matrix, Span<double> rightHandSide, int n)
    {
        for (int k = 0; k < n; k++)
        {
            int pivotRow = k;
            double pivotSize = Math.Abs(matrix[k * n + k]);
            for (int r = k + 1; r < n; r++)
            {
                double size = Math.Abs(matrix[r * n + k]);
                if (size > pivotSize)
                {
                    pivotSize = size;
                    pivotRow = r;
                }
            }
            if (pivotSize == 0 || !double.IsFinite(pivotSize)) return false;
            if (pivotRow != k)
            {
                for (int c = 0; c < n; c++)
                    (matrix[k * n + c], matrix[pivotRow * n + c]) = (matrix[pivotRow * n + c], matrix[k * n + c]);
                (rightHandSide[k], rightHandSide[pivotRow]) = (rightHandSide[pivotRow], rightHandSide[k]);
            }
            double pivot = matrix[k * n + k];
            for (int r = k + 1; r < n; r++)
            {
                double factor = matrix[r * n + k] / pivot;
                matrix[r * n + k] = factor;
                for (int c = k + 1; c < n; c++) matrix[r * n + c] -= factor * matrix[k * n + c];
                rightHandSide[r] -= factor * rightHandSide[k];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double sum = rightHandSide[r];
            for (int c = r + 1; c < n; c++) sum -= matrix[r * n + c] * rightHandSide[c];
            rightHandSide[r] = sum / matrix[r * n + r];
        }
        return true;
    }
}
