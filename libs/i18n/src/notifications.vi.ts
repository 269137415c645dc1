/**
 * The `notifications` namespace (Vietnamese, the source of truth): the messages members receive
 * (e-mail and SMS/Zalo), the organisers' and secretaries' view of who has been reached, the
 * printable QR sheet and the member's personal page.
 */
export const notificationsVi = {
  messages: {
    greeting: 'Kính gửi đồng chí {{name}},',
    when: '{{time}}, {{weekday}} {{date}}',
    linkIntro:
      'Đường dẫn riêng của đồng chí (mở là vào được hội nghị, xem tài liệu; không chuyển cho người khác):',
    open: 'Mở hội nghị',
    footer:
      'Thư này được gửi tự động từ HallBridge theo danh sách đảng viên của chi bộ. Nếu có sai sót, xin liên hệ bí thư chi bộ.',
    invitation: {
      subject: 'Giấy mời: {{title}}',
      lead: '{{host}} trân trọng kính mời đồng chí dự hội nghị “{{title}}” vào lúc {{when}} ({{mode}}).',
      short: 'HallBridge: Kính mời đồng chí {{name}} dự “{{title}}” lúc {{when}}. Vào hội nghị: {{link}}',
    },
    reminder_day: {
      subject: 'Nhắc lịch ngày mai: {{title}}',
      lead: 'Xin nhắc đồng chí: hội nghị “{{title}}” diễn ra vào lúc {{when}} ({{mode}}).',
      short: 'HallBridge: Nhắc lịch ngày mai {{when}}: “{{title}}”. Vào: {{link}}',
    },
    reminder_hour: {
      subject: 'Còn một giờ: {{title}}',
      lead: 'Còn khoảng một giờ nữa, hội nghị “{{title}}” bắt đầu ({{when}}).',
      short: 'HallBridge: Còn 1 giờ nữa “{{title}}” bắt đầu ({{when}}). Vào: {{link}}',
    },
    reminder_start: {
      subject: 'Hội nghị bắt đầu: {{title}}',
      lead: 'Hội nghị “{{title}}” đang bắt đầu. Mời đồng chí vào ngay.',
      short: 'HallBridge: “{{title}}” đang bắt đầu. Vào ngay: {{link}}',
    },
    rescheduled: {
      subject: 'Thay đổi thời gian: {{title}}',
      lead: 'Hội nghị “{{title}}” chuyển sang {{when}} (lịch cũ: {{oldWhen}}). Đường dẫn của đồng chí vẫn dùng được.',
      short: 'HallBridge: “{{title}}” đổi sang {{when}} (lịch cũ {{oldWhen}}). Vào: {{link}}',
    },
    cancelled: {
      subject: 'Hủy hội nghị: {{title}}',
      lead: 'Hội nghị “{{title}}” dự kiến vào lúc {{when}} đã bị hủy.',
      reason: 'Lý do: {{reason}}',
      short: 'HallBridge: Hội nghị “{{title}}” lúc {{when}} đã bị hủy.',
    },
  },
  kinds: {
    invitation: 'Giấy mời',
    reminder_day: 'Nhắc trước một ngày',
    reminder_hour: 'Nhắc trước một giờ',
    reminder_start: 'Nhắc khi bắt đầu',
    rescheduled: 'Báo đổi thời gian',
    cancelled: 'Báo hủy',
  },
  channels: { email: 'Email', gateway: 'SMS/Zalo' },
  delivery: {
    queued: 'Đang chờ gửi',
    sending: 'Đang gửi',
    sent: 'Đã gửi',
    failed: 'Gửi không được',
    cancelled: 'Không gửi',
  },
  reach: {
    reached: 'Đã nhận thư mời',
    pending: 'Đang gửi',
    failed: 'Chưa liên lạc được',
    needs_paper: 'Cần phát giấy',
    not_sent: 'Chưa gửi',
  },
  paperReason: {
    no_address: 'Không có email và số điện thoại',
    no_channel: 'Máy chủ chưa cấu hình kênh gửi cho địa chỉ này',
  },
  errorCodes: {
    smtp_rejected: 'Máy chủ thư từ chối địa chỉ',
    smtp_deferred: 'Máy chủ thư tạm hoãn',
    smtp_unreachable: 'Không kết nối được máy chủ thư',
    gateway_rejected: 'Nhà cung cấp tin nhắn từ chối',
    gateway_error: 'Nhà cung cấp tin nhắn gặp lỗi',
    gateway_timeout: 'Nhà cung cấp tin nhắn không trả lời',
    gateway_unreachable: 'Không kết nối được nhà cung cấp tin nhắn',
    channel_off: 'Kênh gửi đã bị tắt',
    expired: 'Quá thời điểm gửi',
    session_closed: 'Hội nghị đã kết thúc hoặc bị hủy',
    session_cancelled: 'Hội nghị bị hủy',
    rescheduled_past: 'Hội nghị đổi giờ, lượt nhắc không còn ý nghĩa',
    not_invited: 'Không còn trong danh sách được mời',
    no_address: 'Không còn địa chỉ',
    internal: 'Lỗi máy chủ',
  },
  panel: {
    title: 'Thư mời và nhắc lịch',
    intro:
      'Mỗi đảng viên nhận giấy mời kèm đường dẫn riêng qua email hoặc SMS/Zalo, rồi được nhắc trước một ngày, trước một giờ và khi hội nghị bắt đầu.',
    send: 'Gửi thư mời',
    sendConfirmTitle: 'Gửi thư mời cho {{count}} đảng viên?',
    sendConfirmText:
      'Thư mời đi ngay; các lượt nhắc tự động theo lịch. Đảng viên được thêm vào chi bộ sau này cũng sẽ nhận được.',
    sentAt: 'Đã gửi thư mời lúc {{at}} ({{by}}).',
    notSentYet: 'Chưa gửi thư mời.',
    noChannels:
      'Máy chủ chưa cấu hình email (SMTP_URL) hay cổng tin nhắn (MESSAGE_GATEWAY_URL): hãy in giấy mời có mã QR.',
    channelsOn: 'Kênh gửi: {{channels}}',
    filterUnit: 'Đơn vị',
    allUnits: 'Tất cả đơn vị được mời',
    branch: 'Chi bộ',
    invited: 'Được mời',
    reached: 'Đã nhận',
    pending: 'Đang gửi',
    failed: 'Chưa liên lạc được',
    needsPaper: 'Cần phát giấy',
    total: 'Tổng cộng',
    unreachedTitle: 'Chưa liên lạc được',
    unreachedEmpty: 'Mọi đảng viên có địa chỉ đều đã nhận được thư mời.',
    paperTitle: 'Cần phát giấy ({{count}})',
    paperIntro:
      'Những đảng viên này không có email hay số điện thoại: in phiếu có mã QR của chi bộ để phát tận tay.',
    printSheet: 'In phiếu mã QR',
    attempts: 'Số lần thử: {{count}}',
    resend: 'Gửi lại',
    resendAria: 'Gửi lại cho {{name}}',
    resendAll: 'Gửi lại cho tất cả chưa liên lạc được',
    resent: 'Đã xếp {{count}} thư vào hàng gửi lại.',
  },
  personal: {
    link: 'Đường dẫn cá nhân',
    linkAria: 'Đường dẫn cá nhân của {{name}}',
    title: 'Đường dẫn cá nhân',
    intro:
      'Đường dẫn cá nhân dùng lâu dài: mở là vào trang riêng của đảng viên với mọi hội nghị, tài liệu và bài thu hoạch. Khi đổi, đường dẫn cũ thôi dùng được ngay.',
    copy: 'Sao chép',
    rotate: 'Đổi đường dẫn',
    rotateTitle: 'Đổi đường dẫn cá nhân của {{name}}?',
    rotateText:
      'Đường dẫn và phiếu QR cũ sẽ không dùng được nữa; các máy đang mở trang cá nhân bằng đường dẫn cũ sẽ bị thoát.',
    rotated: 'Đã đổi đường dẫn.',
    createdAt: 'Tạo lúc {{at}}',
    opening: 'Đang mở trang cá nhân…',
    invalidTitle: 'Đường dẫn cá nhân không dùng được',
    invalidText:
      'Đường dẫn này không đúng hoặc đã được đổi. Xin liên hệ bí thư chi bộ để nhận đường dẫn mới.',
    typeTitle: 'Nhập mã trên phiếu',
    typeLabel: 'Mã 12 ký tự (ví dụ ab12-cd34-ef56)',
    typeSubmit: 'Mở trang cá nhân',
  },
  sheet: {
    title: 'Phiếu đường dẫn cá nhân',
    subtitle: '{{unit}} — {{count}} đảng viên',
    instruction: 'Quét mã QR bằng camera điện thoại hoặc gõ đường dẫn vào trình duyệt để vào trang cá nhân.',
    keep: 'Giữ phiếu này cho riêng đồng chí; dùng cho mọi hội nghị.',
    qrAlt: 'Mã QR của {{name}}',
    empty: 'Không có đảng viên nào.',
  },
  me: {
    language: 'Ngôn ngữ của thư mời và tin nhắn',
    languageSaved: 'Đã lưu.',
    materials: 'Tài liệu',
    materialsEmpty: 'Chưa có tài liệu.',
    history: 'Quá trình tham dự',
  },
};
