import { clusterRegisteredSummary } from './cluster-audit';

describe('cluster audit summary', () => {
  it('names the cluster and its area with a decimal comma', () => {
    expect(
      clusterRegisteredSummary({
        code: 'CCN-37-012',
        name: 'Cụm công nghiệp Gián Khẩu',
        totalAreaCentiHa: 6250,
      }),
    ).toBe('Đăng ký cụm công nghiệp CCN-37-012 "Cụm công nghiệp Gián Khẩu", tổng diện tích 62,5 ha');
    expect(
      clusterRegisteredSummary({ code: 'CCN-01-001', name: 'Cụm công nghiệp A', totalAreaCentiHa: 7500 }),
    ).toMatch(/tổng diện tích 75 ha$/);
  });
});
