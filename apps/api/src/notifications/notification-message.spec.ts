import { formatWhen, renderMessage, type MessageFacts } from './notification-message';

const facts: MessageFacts = {
  id: 'n1',
  kind: 'invitation',
  locale: 'vi',
  to: 'an@example.vn',
  memberId: 'm1',
  memberName: 'Nguyễn Văn An',
  sessionId: 's1',
  title: 'Nghị quyết <57> & khoa học',
  hostUnitName: 'Đảng ủy Khối',
  mode: 'online',
  // 08:00 on Thursday 10 December 2026 in Hà Nội.
  startsAt: new Date('2026-12-10T01:00:00Z'),
  previousStartsAt: null,
  cancelReason: null,
  link: 'https://hoinghi.example.vn/j/abc',
  timeZone: 'Asia/Ho_Chi_Minh',
};

describe('message templates', () => {
  it('writes the time in the organisation time zone and the member language', () => {
    expect(formatWhen(facts.startsAt, 'vi', facts.timeZone)).toBe('08:00, thứ Năm 10/12/2026');
    expect(formatWhen(facts.startsAt, 'en', facts.timeZone)).toBe('08:00, Thursday 10/12/2026');
  });

  it('puts the link in every form of the invitation and escapes the HTML', () => {
    const m = renderMessage(facts);
    expect(m.subject).toBe('Giấy mời: Nghị quyết <57> & khoa học');
    expect(m.text).toContain('Kính gửi đồng chí Nguyễn Văn An,');
    expect(m.text).toContain('08:00, thứ Năm 10/12/2026 (Trực tuyến)');
    for (const body of [m.text, m.html, m.short]) expect(body).toContain(facts.link);
    expect(m.html).toContain('Nghị quyết &lt;57&gt; &amp; khoa học');
    expect(m.html).not.toContain('<57>');
  });

  it('tells the old time of a moved session, and the reason of a cancelled one without a link', () => {
    const moved = renderMessage({
      ...facts,
      kind: 'rescheduled',
      locale: 'en',
      previousStartsAt: new Date('2026-12-03T01:00:00Z'),
    });
    expect(moved.subject).toBe('New time: Nghị quyết <57> & khoa học');
    expect(moved.text).toContain('(it was 08:00, Thursday 03/12/2026)');
    const cancelled = renderMessage({ ...facts, kind: 'cancelled', cancelReason: 'Trùng lịch' });
    expect(cancelled.text).toContain('Lý do: Trùng lịch');
    expect(cancelled.text).not.toContain(facts.link);
  });

  it('reminds of a reflection with its deadline, a link that says it opens the reflection', () => {
    const m = renderMessage({
      ...facts,
      kind: 'reflection_last',
      deadline: new Date('2026-12-17T10:00:00Z'),
      link: 'https://hoinghi.example.vn/j/abc?to=reflection',
    });
    expect(m.subject).toBe('Hạn cuối nộp bài thu hoạch: Nghị quyết <57> & khoa học');
    expect(m.text).toContain('cần nộp trước 17:00, thứ Năm 17/12/2026');
    expect(m.text).toContain('Đường dẫn riêng của đồng chí để viết và nộp bài');
    expect(m.html).toContain('>Viết bài thu hoạch</a>');
    for (const body of [m.text, m.html, m.short]) expect(body).toContain('?to=reflection');
    const english = renderMessage({
      ...facts,
      kind: 'reflection_early',
      locale: 'en',
      deadline: new Date('2026-12-17T10:00:00Z'),
    });
    expect(english.subject).toBe('Reminder: your reflection on Nghị quyết <57> & khoa học');
    expect(english.text).toContain('due by 17:00, Thursday 17/12/2026');
  });
});
