package stances

// averageLinkage clusters n items by average linkage (UPGMA) on the full n × n distance
// matrix d, which it overwrites, and returns the leaves in dendrogram order.
//
// The closest pair of clusters merges first; among exactly equal distances the pair whose
// members come first in file order wins (compared by the earlier member of each cluster, then
// the later). A cluster is kept in the slot of its first member, so a slot's index is that
// member, and a merge puts the cluster with the earlier first member on the left.
//
// Each active cluster caches its nearest neighbour (the smallest slot among equally near
// ones). A merge changes the distances to one cluster only, so a cache is rebuilt only when
// it pointed at one of the merged clusters; the global minimum is a scan of the caches. That
// keeps the usual cost near O(n²) (O(n³) at worst) in O(n²) memory.
func averageLinkage(n int, d []float64) []int {
	if n == 0 {
		return nil
	}
	size := make([]int, n)
	next := make([]int, n) // leaves of a cluster as a linked list from its slot
	tail := make([]int, n)
	active := make([]int, n)
	nn := make([]int, n)
	nd := make([]float64, n)
	for i := range n {
		size[i], next[i], tail[i], active[i] = 1, -1, i, i
	}
	scan := func(i int) {
		nn[i] = -1
		row := d[i*n : (i+1)*n]
		for _, j := range active { // ascending, so ties keep the smallest slot
			if j != i && (nn[i] < 0 || row[j] < nd[i]) {
				nn[i], nd[i] = j, row[j]
			}
		}
	}
	for _, i := range active {
		scan(i)
	}
	for len(active) > 1 {
		a, b := -1, -1
		for _, i := range active {
			j := nn[i]
			lo, hi := min(i, j), max(i, j)
			if a < 0 || nd[i] < d[a*n+b] || (nd[i] == d[a*n+b] && (lo < a || (lo == a && hi < b))) {
				a, b = lo, hi
			}
		}
		// Merge b into a.
		sa, sb := float64(size[a]), float64(size[b])
		for _, k := range active {
			if k == a || k == b {
				continue
			}
			v := (sa*d[a*n+k] + sb*d[b*n+k]) / (sa + sb)
			d[a*n+k], d[k*n+a] = v, v
		}
		size[a] += size[b]
		size[b] = 0
		next[tail[a]] = b
		tail[a] = tail[b]
		for x, k := range active {
			if k == b {
				active = append(active[:x], active[x+1:]...)
				break
			}
		}
		scan(a)
		for _, k := range active {
			switch {
			case k == a:
			case nn[k] == a || nn[k] == b:
				scan(k)
			case d[k*n+a] < nd[k] || (d[k*n+a] == nd[k] && a < nn[k]):
				nn[k], nd[k] = a, d[k*n+a]
			}
		}
	}
	order := make([]int, 0, n)
	for i := active[0]; i >= 0; i = next[i] {
		order = append(order, i)
	}
	return order
}
